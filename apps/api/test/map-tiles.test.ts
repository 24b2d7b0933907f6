import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@sigap/dev/free-port";
import { connectTestDatabase } from "@sigap/tenancy/testing";
import { testClient } from "./client.ts";
import { useTestRecords } from "./harness.ts";
import { createTestPerson } from "./people.ts";
import { startTestApi } from "./server.ts";
import { arrangeTrunk } from "./telephony/fixture.ts";

// Map tiles for the call panel pass through the platform's own origin, for signed-in people only,
// from the tile server MAP_TILE_URL names; the map works without one.

const database = connectTestDatabase();
/** The first bytes of every PNG, as a stand-in tile. */
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let tileServer: Server;
let api: Awaited<ReturnType<typeof startTestApi>>;
let withoutTiles: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  tileServer = createServer((request, response) => {
    const match = /^\/tiles\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(request.url ?? "");
    if (match?.[1] === "12") {
      response.writeHead(200, { "content-type": "image/png" }).end(png);
    } else if (match?.[1] === "13") {
      response
        .writeHead(200, { "content-type": "image/svg+xml" })
        .end("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
    } else {
      response.writeHead(404).end();
    }
  });
  const tilePort = await freePort();
  await new Promise<void>((resolve) => tileServer.listen(tilePort, "127.0.0.1", resolve));
  api = await startTestApi(database.urls.appUrl, {
    mapTileUrl: `http://127.0.0.1:${String(tilePort)}/tiles/{z}/{x}/{y}.png`,
  });
  withoutTiles = await startTestApi(database.urls.appUrl);
});

afterAll(async () => {
  await api.close();
  await withoutTiles.close();
  await new Promise((resolve) => tileServer.close(resolve));
  await database.close();
});

// Registered after the hooks above, so its cleanup runs before they close the database.
const records = useTestRecords(database.owner);

async function signedIn() {
  const person = await createTestPerson(database.owner, { signedIn: true });
  records.people.push(person);
  return person.cookie;
}

describe("map tiles", () => {
  it("passes a tile through to a signed-in person, and refuses anyone else", async () => {
    const cookie = await signedIn();
    const tile = await fetch(`${api.url}/v1/map-tiles/12/3263/2112`, { headers: { cookie } });
    expect(tile.status).toBe(200);
    expect(tile.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await tile.arrayBuffer())).toEqual(png);
    expect((await fetch(`${api.url}/v1/map-tiles/12/3263/2112`)).status).toBe(401);
  });

  it("names a tile number outside its zoom level, and passes on no tile the server lacks or that is not a raster image", async () => {
    const cookie = await signedIn();
    const outside = await fetch(`${api.url}/v1/map-tiles/2/4/0`, { headers: { cookie } });
    expect(outside.status).toBe(400);
    expect(
      ((await outside.json()) as { error: { issues: { path: string }[] } }).error.issues.map(
        (issue) => issue.path,
      ),
    ).toEqual(["x"]);
    expect((await fetch(`${api.url}/v1/map-tiles/14/1/1`, { headers: { cookie } })).status).toBe(
      404,
    );
    expect((await fetch(`${api.url}/v1/map-tiles/13/1/1`, { headers: { cookie } })).status).toBe(
      404,
    );
  });

  it("has no tiles without a tile server, and the region map then says so", async () => {
    const cookie = await signedIn();
    expect(
      (await fetch(`${withoutTiles.url}/v1/map-tiles/12/3263/2112`, { headers: { cookie } }))
        .status,
    ).toBe(404);

    const region = await arrangeTrunk(api.url, database.owner, records);
    const operator = await createTestPerson(database.owner, {
      memberships: [{ tenantId: region.tenant.id, role: "operator" }],
      signedIn: true,
    });
    records.people.push(operator);
    const tiled = await testClient(api.url, { cookie: operator.cookie }).call(
      "query",
      "callDesk.regionMap",
      { tenantSlug: region.tenant.slug },
    );
    expect((tiled.data as { tileUrl: string | null }).tileUrl).toBe("/v1/map-tiles/{z}/{x}/{y}");
    const plain = await testClient(withoutTiles.url, { cookie: operator.cookie }).call(
      "query",
      "callDesk.regionMap",
      { tenantSlug: region.tenant.slug },
    );
    expect((plain.data as { tileUrl: string | null }).tileUrl).toBeNull();
  });
});
