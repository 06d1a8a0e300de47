/*
 * A HotSpot disassembler plugin (hsdis) on the Capstone library, x86-64: lets -XX:+PrintAssembly and JMH's
 * -prof perfasm print the instructions of JDK 25's compiled code, which Debian 12's libhsdis0-fcml does not.
 * Built and used by `benchmarks/run.sh asm` only; nothing in the library or its jars depends on it.
 *
 * The plugin protocol: HotSpot calls decode_instructions_virtual with the code's bytes and two callbacks; the
 * plugin reports each instruction's start and end through the event callback ("insn" and "/insn", so that
 * HotSpot can add its own comments) and prints its text through the printf callback.
 */
#include <capstone/capstone.h>
#include <stdint.h>
#include <stdio.h>

typedef void *(*event_callback)(void *stream, const char *event, void *argument);
typedef int (*printf_callback)(void *stream, const char *format, ...);

static void *no_events(void *stream, const char *event, void *argument) {
    (void)stream;
    (void)event;
    (void)argument;
    return NULL;
}

/* Intel syntax unless the options (-XX:PrintAssemblyOptions) say "att". */
void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
                                  event_callback events, void *event_stream, printf_callback print,
                                  void *print_stream, const char *options, int newline) {
    (void)end_va;
    if (print == NULL) {
        print = (printf_callback)fprintf;
        if (print_stream == NULL) {
            print_stream = stdout;
        }
    }
    if (events == NULL) {
        events = no_events;
    }
    csh handle;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) {
        print(print_stream, "hsdis: capstone could not open an x86-64 disassembler\n");
        return NULL;
    }
    int att = options != NULL && options[0] == 'a' && options[1] == 't' && options[2] == 't';
    cs_option(handle, CS_OPT_SYNTAX, att ? CS_OPT_SYNTAX_ATT : CS_OPT_SYNTAX_INTEL);
    cs_option(handle, CS_OPT_SKIPDATA, CS_OPT_ON); /* constants between instructions: printed as data */
    cs_insn *instructions;
    size_t count = cs_disasm(handle, buffer, length, start_va, 0, &instructions);
    for (size_t i = 0; i < count; i++) {
        events(event_stream, "insn", (void *)(uintptr_t)instructions[i].address);
        print(print_stream, "%s\t\t%s", instructions[i].mnemonic, instructions[i].op_str);
        events(event_stream, "/insn", (void *)(uintptr_t)(instructions[i].address + instructions[i].size));
        if (newline) {
            print(print_stream, "\n");
        }
    }
    if (count > 0) {
        cs_free(instructions, count);
    }
    cs_close(&handle);
    return NULL;
}
