package dev.ffibridge.nativeimpl.abi;

import java.lang.invoke.MethodHandle;

/**
 * The handles of this JVM's library ({@code NativeRuntime.library()}), each linked on first use: one
 * holder class per function ({@code AddNumbers}) and kind of handle ({@code Critical}, {@code
 * Regular}), whose static initialiser links it through {@link Downcalls}, as jextract output does. A
 * {@code static final} field is a JIT constant, so a linked call inlines as if the handle had been
 * made at start-up, while a function nobody calls is never linked. Grouped like the header's sections
 * and the binding classes that use them.
 */
final class Handles {

    private Handles() {}

    // GuideFunctions

    static final class AddNumbers {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(GuideFunctions.ADD_NUMBERS);
        }
    }

    static final class CreatePerson {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(GuideFunctions.CREATE_PERSON);
        }
    }

    static final class FreePerson {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(GuideFunctions.FREE_PERSON);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(GuideFunctions.FREE_PERSON);
        }
    }

    static final class GetData {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(GuideFunctions.GET_DATA);
        }
    }

    static final class FreeData {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(GuideFunctions.FREE_DATA);
        }
    }

    static final class FillBuffer {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(GuideFunctions.FILL_BUFFER);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(GuideFunctions.FILL_BUFFER);
        }
    }

    // BufferFunctions

    static final class CheckedFillBuffer {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(BufferFunctions.FILL_BUFFER);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(BufferFunctions.FILL_BUFFER);
        }
    }

    static final class SumBuffer {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(BufferFunctions.SUM_BUFFER);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(BufferFunctions.SUM_BUFFER);
        }
    }

    static final class Sum {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(BufferFunctions.SUM);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(BufferFunctions.SUM);
        }
    }

    static final class PersonNew {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(BufferFunctions.PERSON_NEW);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(BufferFunctions.PERSON_NEW);
        }
    }

    static final class DataFill {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(BufferFunctions.DATA_FILL);
        }
    }

    static final class FillPiece {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(BufferFunctions.FILL_PIECE);
        }
    }

    static final class SumBlocks {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(BufferFunctions.SUM_BLOCKS);
        }
    }

    // CodecFunctions

    static final class BufferNewFilled {
        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(CodecFunctions.BUFFER_NEW_FILLED);
        }
    }

    static final class BufferFree {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(CodecFunctions.BUFFER_FREE);
        }
    }

    static final class EncodePerson {
        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(CodecFunctions.ENCODE_PERSON);
        }
    }

    static final class EncodePersonInto {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(CodecFunctions.ENCODE_PERSON_INTO);
        }
    }

    static final class EncodeData {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(CodecFunctions.ENCODE_DATA);
        }
    }

    static final class EncodeSequenceInto {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(CodecFunctions.ENCODE_SEQUENCE_INTO);
        }
    }

    static final class FillSerialized {
        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(CodecFunctions.FILL_SERIALIZED);
        }
    }

    static final class BytesFree {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(CodecFunctions.BYTES_FREE);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(CodecFunctions.BYTES_FREE);
        }
    }

    static final class DecodePerson {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(CodecFunctions.DECODE_PERSON);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(CodecFunctions.DECODE_PERSON);
        }
    }

    static final class DecodeData {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(CodecFunctions.DECODE_DATA);
        }
    }

    static final class DecodeSequenceInto {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(CodecFunctions.DECODE_SEQUENCE_INTO);
        }
    }

    // DiagnosticFunctions

    static final class StatusMessage {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(DiagnosticFunctions.STATUS_MESSAGE);
        }
    }

    static final class AbiVersion {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(DiagnosticFunctions.ABI_VERSION);
        }
    }

    static final class Layout {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(DiagnosticFunctions.LAYOUT);
        }
    }

    static final class LiveCounts {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(DiagnosticFunctions.LIVE_COUNTS);
        }
    }
}
