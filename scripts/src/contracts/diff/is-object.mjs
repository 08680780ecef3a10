// @ts-check
// A spec is hostile input: every node is checked to be a plain object before it is read as one.

/** @param {unknown} value @returns {value is Record<string, any>} */
export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
