/** The database CLIs take their few settings from the environment, as deployment tools expect. */
export function requireEnv(name: string): string {
  // eslint-disable-next-line no-restricted-properties -- this file is the CLIs' env.ts
  const value = process.env[name];
  if (!value) {
    console.error(`${name} must be set`);
    process.exit(2);
  }
  return value;
}
