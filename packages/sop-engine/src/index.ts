// The SOP engine is filled in by its own issue; see README.md.
export {};
