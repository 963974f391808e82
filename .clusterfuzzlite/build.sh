#!/bin/bash -eu
# OSS-Fuzz build script: the same CMake build CI uses (scripts/fuzz-smoke), with the engine flags
# OSS-Fuzz provides in $CC/$CXX/$CXXFLAGS/$LIB_FUZZING_ENGINE. Copies each target, its seed corpus (as
# <target>_seed_corpus.zip) and its dictionary (<target>.dict) to $OUT.
cmake -S "$SRC/conform" -B build-oss -G Ninja -DCONFORM_FUZZ=ON -DCONFORM_TESTS=OFF \
      -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX"
targets=$(ls "$SRC"/conform/fuzz/*_fuzzer.cpp | xargs -n1 basename | sed 's/_fuzzer.cpp$//')
for t in $targets; do
  cmake --build build-oss --target "fuzz_$t"
  cp "build-oss/fuzz/fuzz_$t" "$OUT/$t"
  if [ -d "$SRC/conform/corpus/$t" ]; then
    (cd "$SRC/conform/corpus/$t" && zip -q -r "$OUT/${t}_seed_corpus.zip" .)
  fi
  if [ -d "$SRC/conform/corpus/regressions/$t" ]; then
    (cd "$SRC/conform/corpus/regressions/$t" && zip -q -r "$OUT/${t}_seed_corpus.zip" .)
  fi
  [ -f "$SRC/conform/fuzz/dict/$t.dict" ] && cp "$SRC/conform/fuzz/dict/$t.dict" "$OUT/$t.dict"
done
