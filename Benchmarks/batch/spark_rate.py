#!/usr/bin/env python3
"""Times Integrations/spark/parallax_spark.py on Spark local[2] over an inline manifest.

Prints one line: "spark_s S startup_s T lines L". S is the median wall time of REPEATS runs of
the job (read the manifest, two partitions through `parallax batch - --jobs 1`, write the
lines), in one Spark session started beforehand (its start-up, T, is printed apart); an
untimed warm-up run first.

Usage: spark_rate.py PARALLAX MANIFEST OUT_DIR REPEATS
"""

import os
import shutil
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Integrations", "spark"))
import parallax_spark  # noqa: E402


def main():
    parallax, manifest, out, repeats = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    from pyspark.sql import SparkSession
    started = time.monotonic()
    spark = SparkSession.builder.master("local[2]").appName("parallax-batch-bench") \
        .config("spark.ui.enabled", "false") \
            .config("spark.ui.showConsoleProgress", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.monotonic() - started
    runner = parallax_spark.Runner(parallax, options=["--jobs", "1"])
    times = []
    lines = 0
    try:
        for run in range(repeats + 1):
            target = os.path.join(out, f"spark-{run}")
            shutil.rmtree(target, ignore_errors=True)
            began = time.monotonic()
            parallax_spark.run(spark.sparkContext, "file://" + manifest, target, runner, partitions=2)
            if run > 0:
                times.append(time.monotonic() - began)
            lines = sum(sum(1 for _ in open(os.path.join(target, name), encoding="utf-8"))
                        for name in os.listdir(target) if name.startswith("part-"))
    finally:
        spark.stop()
    print(f"spark_s {statistics.median(times):.3f} startup_s {startup:.1f} lines {lines}")


if __name__ == "__main__":
    main()
