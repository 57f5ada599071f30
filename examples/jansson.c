#include <stdio.h>
#include <jansson.h>
#include <veilig.h>
#include <veilig/jansson.h>

/* A municipality that arrived inside a larger JSON request, as jansson holds it. */
static const char *request =
    "{\"action\": \"add\", \"municipality\": "
    "{\"code\": \"GM0999\", \"name\": \"Nieuwdorp\", \"measures\": "
    "[{\"id\": \"team\", \"name\": \"Straatcoaches\", \"category\": 42}]}}";

int main(void) {
    veilig_registry *reg = NULL;
    veilig_error err;
    if (veilig_registry_load_builtin(&reg, &err) != VEILIG_OK)
        return 1;

    json_error_t jerr;
    json_t *body = json_loads(request, 0, &jerr);
    if (!body)
        return 1;
    json_t *m = json_object_get(body, "municipality"); /* borrowed from body */

    /* a category must be a code: the error names the value by its JSON pointer */
    int rc = veilig_municipality_from_jansson(NULL, reg, m, 0, &err);
    printf("%s at %s: %s\n", veilig_strerror(rc), err.pointer, err.message);

    json_object_set_new(json_array_get(json_object_get(m, "measures"), 0), "category",
                        json_string("supervision"));
    veilig_municipality *added = NULL;
    rc = veilig_municipality_from_jansson(&added, reg, m, 0, &err);
    if (rc != VEILIG_OK) {
        fprintf(stderr, "veilig: %s at %s: %s\n", veilig_strerror(rc), err.pointer, err.message);
        return 1;
    }
    printf("added %s: %zu municipalities\n", veilig_municipality_name(added),
           veilig_registry_count(reg));

    /* and back: a new json_t, equal to what json_loads makes of the canonical dump */
    json_t *doc = NULL;
    if (veilig_municipality_to_jansson(&doc, added, NULL, &err) != VEILIG_OK)
        return 1;
    char *text = json_dumps(doc, JSON_COMPACT);
    printf("%s\n", text);
    free(text);
    json_decref(doc);
    json_decref(body);
    veilig_registry_free(reg);
    return 0;
}
