export * from "./convert.js";
export * from "./nesting.js";
export * from "./schema.js";
export * from "./validate.js";
