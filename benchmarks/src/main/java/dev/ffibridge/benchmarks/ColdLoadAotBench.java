package dev.ffibridge.benchmarks;

/**
 * {@link ColdLoad}'s native cold load, meant to run with a JDK 25 AOT cache (JEP 483/514) trained
 * by {@link ColdLoadMain}: {@code run.sh full} passes {@code -jvmArgsAppend
 * "-XX:AOTCache=benchmarks/target/coldload.aot ..."}. Without that option it measures the same as
 * {@link ColdLoadBench}. Each fork still extracts the library into a fresh {@code ffibridge.tmpdir}.
 */
public class ColdLoadAotBench extends ColdLoad {}
