import { installStarlight, installedVersion } from './bench/starlight.ts';
const started = Date.now();
const dir = installStarlight();
console.log(dir, installedVersion(dir), (Date.now() - started) / 1000, 's');
