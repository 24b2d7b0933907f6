export * from "./adoption.ts";
export * from "./health.ts";
export * from "./regions.ts";
export * from "./sessions.ts";
export * from "./users.ts";
export * from "./audit.ts";
export * from "./throttles.ts";
