package org.smcbench.results;

import java.io.Serializable;

/**
 * One row of {@code smc.masks}: which entries of one weight tensor a sparse run kept (non-zero at
 * its end), one bit per entry in flat row-major order, least significant bit first (numpy's
 * {@code packbits(bitorder="little")}, {@link org.smcbench.sparsity.MaskSet#pack}).
 */
public record MaskRecord(String runKey, int position, String parameter, long numel, long kept, byte[] bits)
    implements Serializable {}
