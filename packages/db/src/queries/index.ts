export * from "./adoption.ts";
export * from "./health.ts";
export * from "./regions.ts";
