package org.tea.io.spark;

import java.nio.file.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tea.io.InputFiles;
import org.tea.io.InputRules;
import org.tea.io.synth.CityParameters;
import org.tea.io.synth.SyntheticCity;
import org.tea.model.EndUserSpec;
import org.tea.model.ProsumerSpec;

/**
 * A synthetic city's populations written as the Parquet inputs that {@link InputParquet} reads ({@code tea generate
 * --parquet}): the CSV files' columns, generated on the executors.
 */
public final class GeneratedParquet {
    private GeneratedParquet() {
    }

    /** The schema of {@value InputFiles#ENDUSERS_PARQUET} as written here. */
    public static final StructType ENDUSER_SCHEMA = new StructType()
            .add(InputRules.ID, DataTypes.StringType, false).add(InputRules.ARCHETYPE, DataTypes.StringType, false)
            .add(InputRules.ANNUAL_ENERGY, DataTypes.DoubleType, false)
            .add(InputRules.ELASTICITY, DataTypes.DoubleType, false)
            .add(InputRules.FLEX_SHARE, DataTypes.DoubleType, false)
            .add(InputRules.ENERGY_FLEX, DataTypes.DoubleType, false);

    /** The schema of {@value InputFiles#PROSUMERS_PARQUET} as written here. */
    public static final StructType PROSUMER_SCHEMA = new StructType()
            .add(InputRules.ID, DataTypes.StringType, false).add(InputRules.PV_KWP, DataTypes.DoubleType, false)
            .add(InputRules.WIND_KW, DataTypes.DoubleType, false)
            .add(InputRules.ARCHETYPE, DataTypes.StringType, false)
            .add(InputRules.ANNUAL_ENERGY, DataTypes.DoubleType, false);

    /**
     * Writes the synthetic city {@code p}'s populations as {@value InputFiles#ENDUSERS_PARQUET} and
     * {@value InputFiles#PROSUMERS_PARQUET} folders in {@code dir}, each in {@code parts} part files, generated on
     * the executors from their index (the driver holds none of them).
     */
    public static void write(SparkSession spark, Path dir, CityParameters p, int parts) {
        CityParameters city = p;
        JavaRDD<Row> users = spark.range(0, p.endUsers(), 1, parts).javaRDD().map(i -> {
            EndUserSpec u = SyntheticCity.endUser(city, i);
            return RowFactory.create(u.id(), u.archetype(), u.annualEnergy(), u.elasticity(), u.flexShare(),
                    u.energyFlex());
        });
        spark.createDataFrame(users, ENDUSER_SCHEMA).write().mode(SaveMode.ErrorIfExists)
                .parquet(dir.resolve(InputFiles.ENDUSERS_PARQUET).toAbsolutePath().toUri().toString());
        JavaRDD<Row> pros = spark.range(0, p.prosumers(), 1, parts).javaRDD().map(i -> {
            ProsumerSpec q = SyntheticCity.prosumer(city, i);
            return RowFactory.create(q.id(), q.pvKwp(), q.windKw(), q.archetype(), q.annualEnergy());
        });
        spark.createDataFrame(pros, PROSUMER_SCHEMA).write().mode(SaveMode.ErrorIfExists)
                .parquet(dir.resolve(InputFiles.PROSUMERS_PARQUET).toAbsolutePath().toUri().toString());
    }
}
