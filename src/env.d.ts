declare namespace App {
  /** What a page tells the build's middleware (`src/integrations/page-sink.ts`). */
  interface Locals {
    /** Set by a page holding the element Pagefind indexes (`data-pagefind-body`). */
    searchIndexed?: boolean;
  }
}
