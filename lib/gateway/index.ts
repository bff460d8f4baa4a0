// The public API of lib/gateway: re-exports only.
export * from "./admin-credentials";
export * from "./consumer";
export * from "./gateway";
export * from "./plugins";
export * from "./route";
export * from "./service";
export * from "./upstream";
