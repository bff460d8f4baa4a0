// The public API: re-exports only.
export * from "./core/errors";
export * from "./core/labels";
