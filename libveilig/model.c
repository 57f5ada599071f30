/* model: in progress */ typedef int vg_model_placeholder;
