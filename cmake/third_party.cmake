# CMake targets for the pinned third-party code that scripts/setup.sh fetched
# from Debian source packages into TANDEM_DEPS_DIR:
#   sqlite3, sodium, imgui, cereal, doctest,
# and TANDEM_FONT_DIR, where the UI font is.

foreach(_required sqlite/sqlite3.c src/imgui/imgui.cpp libsodium-native/lib/libsodium.a
                  libsodium-wasm/lib/libsodium.a include/doctest/doctest.h include/cereal/cereal.hpp)
  if(NOT EXISTS "${TANDEM_DEPS_DIR}/${_required}")
    message(FATAL_ERROR "${TANDEM_DEPS_DIR}/${_required} is missing: run scripts/setup.sh first")
  endif()
endforeach()

# SQLite: the amalgamation built with tclsh from Debian's patched tree.
add_library(sqlite3 STATIC "${TANDEM_DEPS_DIR}/sqlite/sqlite3.c")
target_include_directories(sqlite3 SYSTEM PUBLIC "${TANDEM_DEPS_DIR}/sqlite")
target_compile_definitions(sqlite3 PRIVATE
  SQLITE_ENABLE_FTS5
  SQLITE_THREADSAFE=0
  SQLITE_DQS=0
  SQLITE_DEFAULT_FOREIGN_KEYS=1
  SQLITE_DEFAULT_MEMSTATUS=0
  SQLITE_LIKE_DOESNT_MATCH_BLOBS
  SQLITE_MAX_EXPR_DEPTH=0
  SQLITE_OMIT_DEPRECATED
  SQLITE_OMIT_LOAD_EXTENSION
  SQLITE_OMIT_SHARED_CACHE
  SQLITE_USE_ALLOCA)
target_compile_options(sqlite3 PRIVATE -w)

# libsodium: a static library built by autotools, natively or for wasm.
if(EMSCRIPTEN)
  set(_sodium_dir "${TANDEM_DEPS_DIR}/libsodium-wasm")
else()
  set(_sodium_dir "${TANDEM_DEPS_DIR}/libsodium-native")
endif()
add_library(sodium STATIC IMPORTED GLOBAL)
set_target_properties(sodium PROPERTIES
  IMPORTED_LOCATION "${_sodium_dir}/lib/libsodium.a"
  INTERFACE_INCLUDE_DIRECTORIES "${_sodium_dir}/include")

# Dear ImGui, with the test-engine hooks that feed Tandem's item registry.
set(IMGUI_DIR "${TANDEM_DEPS_DIR}/src/imgui")
add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp"
  "${IMGUI_DIR}/imgui_draw.cpp"
  "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/imgui_test_engine_hooks.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}")
target_include_directories(imgui PRIVATE "${CMAKE_SOURCE_DIR}/src")
# 32-bit indices: a long note's draw list may pass 64K vertices, and WebGL2
# cannot draw with a base vertex to split it.
target_compile_definitions(imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_OBSOLETE_FUNCTIONS "ImDrawIdx=unsigned int")
target_compile_options(imgui PRIVATE -w)

# The UI font, Inter, from Debian's fonts-inter; embedded into the modules.
set(TANDEM_FONT_DIR "/usr/share/fonts/opentype/inter" CACHE PATH "Where fonts-inter keeps its OpenType files")
foreach(_font Inter-Regular.otf Inter-SemiBold.otf)
  if(NOT EXISTS "${TANDEM_FONT_DIR}/${_font}")
    message(FATAL_ERROR "${TANDEM_FONT_DIR}/${_font} is missing: run scripts/setup.sh first")
  endif()
endforeach()

# Header-only libraries from Debian, staged apart from /usr/include.
add_library(cereal INTERFACE)
target_include_directories(cereal SYSTEM INTERFACE "${TANDEM_DEPS_DIR}/include")
add_library(doctest INTERFACE)
target_include_directories(doctest SYSTEM INTERFACE "${TANDEM_DEPS_DIR}/include")
