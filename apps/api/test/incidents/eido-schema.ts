import { readdirSync, readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

// The vendored NENA-STA-021.1b schema is an OpenAPI 3.0 document; its Schema Objects use only
// keywords that JSON Schema draft-07 (Ajv's default class) reads the same way.
const schemaDir = new URL("../../src/incidents/eido/", import.meta.url);
const base = "https://eido.invalid/Schema/";

function loadSchemaFile(file: string): unknown {
  // openapi.yaml spells one reference `NIEMComponents//nc.yaml`; URI resolution keeps the empty segment.
  return parse(
    readFileSync(new URL(file, schemaDir), "utf8").replaceAll(
      "NIEMComponents//",
      "NIEMComponents/",
    ),
  );
}

export function eidoValidator(): ValidateFunction {
  // The published schema leaves `type: object` off some schemas that have properties: not ours to fix.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  // OpenAPI document fields and the `example` annotation are not validation keywords.
  ajv.addVocabulary(["openapi", "info", "servers", "paths", "components", "example"]);
  const files = [
    "openapi.yaml",
    ...readdirSync(new URL("NIEMComponents/", schemaDir)).map((name) => `NIEMComponents/${name}`),
  ];
  for (const file of files) ajv.addSchema(loadSchemaFile(file) as object, base + file);
  const validate = ajv.getSchema(
    `${base}openapi.yaml#/components/schemas/EmergencyIncidentDataObjectType`,
  );
  if (!validate)
    throw new Error("EmergencyIncidentDataObjectType not found in the vendored schema");
  return validate;
}

export interface SchemaNode {
  $ref?: string;
  allOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

const components = (
  loadSchemaFile("openapi.yaml") as { components: { schemas: Record<string, SchemaNode> } }
).components.schemas;

function resolve(node: SchemaNode): SchemaNode {
  const name = node.$ref?.match(/^#\/components\/schemas\/(.+)$/)?.[1];
  const target = name ? components[name] : node;
  if (!target) throw new Error(`unresolvable ${node.$ref}`);
  return target;
}

/**
 * Members the schema does not declare. The EIDO schemas allow additional properties, so the
 * validator alone would let an invented field through.
 */
export function undeclaredMembers(value: unknown, node: SchemaNode, path = ""): string[] {
  const schema = resolve(node);
  const items = schema.items;
  if (Array.isArray(value))
    return items
      ? value.flatMap((item, index) => undeclaredMembers(item, items, `${path}/${index}`))
      : [];
  if (typeof value !== "object" || value === null) return [];
  const declared: Record<string, SchemaNode> = { ...schema.properties };
  for (const part of schema.allOf ?? []) Object.assign(declared, resolve(part).properties);
  return Object.entries(value).flatMap(([key, member]) => {
    const memberSchema = declared[key];
    return memberSchema
      ? undeclaredMembers(member, memberSchema, `${path}/${key}`)
      : [`${path}/${key}`];
  });
}
