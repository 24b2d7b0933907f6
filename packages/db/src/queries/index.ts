export * from "./adoption.ts";
export * from "./health.ts";
