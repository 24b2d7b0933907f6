import { baseConfig } from "@sigap/eslint-config/base";

export default baseConfig(import.meta.dirname);
