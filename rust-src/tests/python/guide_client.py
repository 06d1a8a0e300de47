# The Python client of the guide (/work/shared/seed/rust-ffi-guide.md, sections 4-6), as it
# is in the guide except for the library path, which comes from argv[1], else the
# FFI_BRIDGE_LIB environment variable, else the guide's default location for this crate.
import ctypes
import os
import sys

# Load the shared library
if len(sys.argv) > 1:
    lib_path = sys.argv[1]
elif os.environ.get("FFI_BRIDGE_LIB"):
    lib_path = os.environ["FFI_BRIDGE_LIB"]
else:
    lib_path = os.path.join(os.getcwd(), "target/release/libffi_bridge.so")
lib = ctypes.CDLL(lib_path)

# ---- Section 4, step 2: Call Rust from Python ----

# Define struct matching Rust
class Person(ctypes.Structure):
    _fields_ = [
        ("age", ctypes.c_uint32),
        ("height", ctypes.c_float),
        ("name", ctypes.c_char_p)  # CString in Rust
    ]

# Function prototypes
lib.create_person.restype = ctypes.POINTER(Person)
lib.free_person.argtypes = [ctypes.POINTER(Person)]

# Call the Rust function
person_ptr = lib.create_person()
if not person_ptr:
    raise RuntimeError("Failed to create Person")

# Access struct fields
person = person_ptr.contents
print(f"Person - Age: {person.age}, Height: {person.height}, Name: {person.name.decode()}")

# Free memory
lib.free_person(person_ptr)

# ---- Section 5: Returning a Struct with an Array ----

# Define Data struct in Python
class Data(ctypes.Structure):
    _fields_ = [("values", ctypes.c_double * 5)]

lib.get_data.restype = ctypes.POINTER(Data)

# Call Rust function
data_ptr = lib.get_data()
data = data_ptr.contents
print("Data values:", list(data.values))

# ---- Section 6: Returning Large Data Efficiently ----

import numpy as np

# Create buffer
length = 10
buffer = np.zeros(length, dtype=np.float64)

# Call Rust function
lib.fill_buffer.argtypes = [np.ctypeslib.ndpointer(dtype=np.float64, flags="C_CONTIGUOUS"), ctypes.c_size_t]
lib.fill_buffer(buffer, length)

print("Buffer:", buffer)
