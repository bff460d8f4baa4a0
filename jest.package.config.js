// The package tests: pack the library once, install the tarball into projects outside the repository (npm's cache
// only, no network) and run an app and the starter against it. `npm run test:package`; CI runs it after `npm test`.
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/test/package"],
  testPathIgnorePatterns: ["/node_modules/"],
  globalSetup: "<rootDir>/test/package/global-setup.ts",
  testTimeout: 120000,
};
