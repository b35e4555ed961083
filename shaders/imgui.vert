#version 300 es
// Dear ImGui's vertices: a position in display pixels, a font-atlas
// coordinate and an sRGB colour with straight alpha.
precision highp float;

uniform vec2 u_display_origin;  // display pixel at the framebuffer's top-left
uniform vec2 u_display_size;    // display pixels across the framebuffer

in vec2 a_position;
in vec2 a_uv;
in vec4 a_color;

out vec2 v_uv;
out vec4 v_color;

void main() {
    vec2 unit = (a_position - u_display_origin) / u_display_size;
    gl_Position = vec4(unit.x * 2.0 - 1.0, 1.0 - unit.y * 2.0, 0.0, 1.0);
    v_uv = a_uv;
    v_color = a_color;
}
