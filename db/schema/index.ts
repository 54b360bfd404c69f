export * from "./accounts";
export * from "./audit";
export * from "./events";
export * from "./organizations";
