export * from "./convert.js";
export * from "./schema.js";
export * from "./validate.js";
