//===- ProgramFuzzer.cpp - Fuzzes the runtime program loader -------------===//
//
// parseProgram (runtime/lib/Program.cpp) on arbitrary bytes. A program that
// is accepted must survive writeProgram and read back to the same text.
//
//===----------------------------------------------------------------------===//
#include "FuzzUtil.h"

#include "photon/Runtime/Program.h"

#include <string>

using namespace photon;

static std::string write(const runtime::Program &program) {
  std::string text;
  llvm::raw_string_ostream os(text);
  runtime::writeProgram(program, os);
  return text;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::Expected<runtime::Program> program =
      runtime::parseProgram(fuzz::asText(data, size), "fuzz.json");
  if (!fuzz::accepted(program))
    return 0;
  const std::string first = write(*program);
  llvm::Expected<runtime::Program> again =
      runtime::parseProgram(first, "written.json");
  fuzz::fuzzCheck(static_cast<bool>(again),
                  "a written program does not read back");
  fuzz::fuzzCheck(write(*again) == first,
                  "a program changes when written and read back");
  return 0;
}
