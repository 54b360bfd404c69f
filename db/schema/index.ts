export * from "./accounts";
export * from "./audit";
export * from "./events";
export * from "./invitations";
export * from "./mail";
export * from "./organizations";
export * from "./protocol";
