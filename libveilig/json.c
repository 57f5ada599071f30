typedef int vg_json_placeholder;
