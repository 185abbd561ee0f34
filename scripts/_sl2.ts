import { starlightProject } from './bench/starlight.ts';
console.log(starlightProject(process.argv[2]!, process.argv[3]!));
