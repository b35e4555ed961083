# Flags that apply to everything built, third-party code included.

if(EMSCRIPTEN)
  # doctest reports failures by throwing, and the core libraries must behave
  # the same in the app as in the tests, so exceptions are on everywhere.
  add_compile_options(-fexceptions)
  add_link_options(-fexceptions)
endif()

if(TANDEM_SANITIZE)
  if(EMSCRIPTEN)
    message(FATAL_ERROR "TANDEM_SANITIZE is for native builds")
  endif()
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# Warnings for Tandem's own code; third-party targets turn them off.
set(TANDEM_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor -Werror=return-type)

# Fuzz builds instrument all of Tandem's code for libFuzzer's coverage; the
# fuzz targets themselves link libFuzzer (tests/CMakeLists.txt).
if(TANDEM_BUILD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "TANDEM_BUILD_FUZZ needs clang (the fuzz preset)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
