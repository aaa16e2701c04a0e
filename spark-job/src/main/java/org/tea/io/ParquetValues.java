package org.tea.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/** Values of a Parquet column read without Spark, as the CSV rules read them: a number, or a cell's text. */
final class ParquetValues {
    private ParquetValues() {
    }

    /** Exact powers of ten: a decimal's unscaled value over one is its correctly rounded double. */
    private static final double[] TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long EXACT = 1L << 53;

    /**
     * A present floating-point or decimal value as the double its text parses to, or NaN when only the text path
     * can say (other types, decimals beyond 2^53 or with more than 22 places).
     */
    static double number(ColumnReader r) {
        PrimitiveType p = r.getDescriptor().getPrimitiveType();
        int scale = p.getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d ? d.getScale() : -1;
        switch (p.getPrimitiveTypeName()) {
            case DOUBLE:
                return r.getDouble();
            case FLOAT:
                return r.getFloat();
            case INT32:
            case INT64:
                if (scale < 0 || scale >= TEN.length) {
                    return Double.NaN;
                }
                long unscaled = p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32
                        ? r.getInteger() : r.getLong();
                return Math.abs(unscaled) < EXACT ? unscaled / TEN[scale] : Double.NaN;
            default:
                return Double.NaN;
        }
    }

    static boolean present(ColumnReader r) {
        return r.getCurrentDefinitionLevel() == r.getDescriptor().getMaxDefinitionLevel();
    }

    static boolean plainBinary(ColumnDescriptor d) {
        PrimitiveType p = d.getPrimitiveType();
        return p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY
                && !(p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation);
    }

    /**
     * A present Parquet value as the text a CSV cell would hold: integers, floating point, decimals (of any
     * physical type) and strings.
     */
    static String text(ColumnReader r) {
        PrimitiveType p = r.getDescriptor().getPrimitiveType();
        int scale = p.getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d ? d.getScale() : -1;
        return switch (p.getPrimitiveTypeName()) {
            case INT32 -> scale < 0 ? Integer.toString(r.getInteger())
                    : BigDecimal.valueOf(r.getInteger(), scale).toPlainString();
            case INT64 -> scale < 0 ? Long.toString(r.getLong())
                    : BigDecimal.valueOf(r.getLong(), scale).toPlainString();
            case FLOAT -> Float.toString(r.getFloat());
            case DOUBLE -> Double.toString(r.getDouble());
            case BINARY, FIXED_LEN_BYTE_ARRAY -> scale < 0 ? r.getBinary().toStringUsingUTF8().trim()
                    : new BigDecimal(new BigInteger(r.getBinary().getBytes()), scale).toPlainString();
            default -> "(a " + p.getPrimitiveTypeName() + " value)";
        };
    }
}
