// Reads YAML files as VS Code's YAML extension does (the `yaml` package, YAML 1.1 as .vscode/settings.json sets)
// and prints {file: data} as JSON, for tests/data/test_yaml_readers.py to compare with PyYAML's readings.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const read = {};
for (const file of process.argv.slice(2)) {
  read[file] = parse(readFileSync(file, "utf8"), { version: "1.1" });
}
process.stdout.write(JSON.stringify(read));
