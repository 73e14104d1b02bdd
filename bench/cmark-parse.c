/* The baseline for `doc index`: cmark-gfm parsing the same files with the same
   extensions (table, strikethrough, autolink, tasklist), and nothing else.
   Usage: cmark-parse FILE...   prints the milliseconds spent reading and parsing. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    cmark_gfm_core_extensions_ensure_registered();
    const char *names[] = {"table", "strikethrough", "autolink", "tasklist"};
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 1; }
        cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
        for (int k = 0; k < 4; k++) cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(names[k]));
        char buffer[65536];
        size_t n;
        while ((n = fread(buffer, 1, sizeof buffer, f)) > 0) cmark_parser_feed(parser, buffer, n);
        fclose(f);
        cmark_node *doc = cmark_parser_finish(parser);
        cmark_node_free(doc);
        cmark_parser_free(parser);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("%.1f\n", (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6);
    return 0;
}
