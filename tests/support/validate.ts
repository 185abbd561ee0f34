import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';

/**
 * html-validate with the project's `.htmlvalidate.json`, loaded explicitly: a build served from
 * outside the project (`E2E_OUT_DIR`) would otherwise find no config and pass everything.
 *
 * The config is the recommended preset with three kinds of change: rules about the generator's
 * markup style (`<br>` or `<br/>`, quoting, boolean attributes) are off, since Astro writes that
 * markup and no reader meets it; ids may contain dots (`dieu-1.khoan-2`), which HTML allows and
 * which are the site's public fragment URLs; and the search combobox may use ARIA
 * `combobox`/`listbox`/`option`, because no native element offers that pattern.
 */

export const CONFIG_PATH = resolve(import.meta.dirname, '../../.htmlvalidate.json');

/** A validator configured from the project's file. */
export function createValidator(configPath = CONFIG_PATH): HtmlValidate {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as ConfigData;
  return new HtmlValidate(new StaticConfigLoader(config));
}

/** Every message for one page, as `file:line:column rule: message`. */
export async function validatePage(
  validator: HtmlValidate,
  file: string,
  source: string,
): Promise<string[]> {
  const report = await validator.validateString(source, file);
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) =>
        `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
    ),
  );
}
