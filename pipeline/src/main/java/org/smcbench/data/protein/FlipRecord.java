package org.smcbench.data.protein;

import java.io.Serializable;

/**
 * One row of a FLIP task CSV: residues (upper case), the regression target (Meltome: melting
 * temperature in °C) and the split, {@code train}, {@code valid} or {@code test}.
 */
public record FlipRecord(String sequence, double target, String split) implements Serializable {}
