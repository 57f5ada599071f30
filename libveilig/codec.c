typedef int vg_codec_placeholder;
