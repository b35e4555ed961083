#version 300 es
// The font atlas holds coverage only (one channel); shapes sample its
// opaque white texel, so coverage times the vertex alpha is the alpha.
precision mediump float;

uniform sampler2D u_atlas;

in vec2 v_uv;
in vec4 v_color;

out vec4 out_color;

void main() {
    out_color = vec4(v_color.rgb, v_color.a * texture(u_atlas, v_uv).r);
}
