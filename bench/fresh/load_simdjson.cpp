// fresh-load-simdjson: one DOM parse of a file with simdjson, in a process of
// its own (bench/fresh.py times the process). Reading the file is included,
// as simdjson's own load() does it. Prints the number of municipalities.
#include <cstdio>

#include <simdjson.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fresh-load-simdjson FILE\n");
        return 1;
    }
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    auto error = parser.load(argv[1]).get(doc);
    if (error) {
        std::fprintf(stderr, "fresh-load-simdjson: %s: %s\n", argv[1], simdjson::error_message(error));
        return 1;
    }
    simdjson::dom::array list;
    if (doc["municipalities"].get_array().get(list)) {
        std::fprintf(stderr, "fresh-load-simdjson: %s: no municipalities\n", argv[1]);
        return 1;
    }
    std::printf("%zu\n", list.size());
    return 0;
}
