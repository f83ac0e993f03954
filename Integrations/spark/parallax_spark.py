#!/usr/bin/env python3
"""Compare the pairs of a Parallax batch manifest on Apache Spark.

Reads a JSON Lines manifest from any location Spark reads (a local path, hdfs://, s3a://, ...),
cuts it into partitions, and pipes each partition through `parallax batch -` on the executors;
writes the result lines (one per record, as `parallax batch` writes them) with
saveAsTextFile. Each partition's lines come out in the manifest's order.

Records should carry their texts inline (`aText`/`bText`): paths in a manifest are relative to
the manifest's folder on the machine that wrote it, which an executor does not have. A record
with paths works only when the paths are absolute and every worker sees the same files (a shared
mount); otherwise its line says "no such file", like any other bad record.

A poisoned record never fails the job: a bad record gives an error line from `parallax batch`
itself, and when the process dies on a partition (a crash, a signal, a line count that does not
add up), the partition is run again one record at a time, and a record that still kills it gets
an error line written here.

    spark-submit parallax_spark.py [--parallax PATH] [--library-path DIR] [--partitions N]
        [--jobs N] [--summary-only] [--check] MANIFEST OUTPUT
"""

import argparse
import json
import os
import subprocess
import sys


def error_line(record, problem):
    """An error line as `parallax batch` writes one (sorted keys, no spaces)."""
    record_id = None
    try:
        parsed = json.loads(record)
        if isinstance(parsed, dict) and isinstance(parsed.get("id"), str):
            record_id = parsed["id"]
    except ValueError:
        pass
    return json.dumps({"error": problem, "id": record_id, "status": "error"},
                      sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class Runner:
    """Runs `parallax batch -` on the records of one partition (a picklable callable)."""

    def __init__(self, parallax, library_path=None, options=()):
        self.parallax = parallax
        self.library_path = library_path
        self.options = list(options)

    def command(self):
        # A relative path is resolved in the task's working folder, where --files and
        # --archives put what they ship.
        parallax = self.parallax
        if os.sep in parallax and not os.path.isabs(parallax):
            parallax = os.path.abspath(parallax)
        return [parallax, "batch", "-", "--quiet"] + self.options

    def environment(self):
        env = dict(os.environ)
        if self.library_path:
            folder = os.path.abspath(self.library_path)
            env["LD_LIBRARY_PATH"] = folder + (os.pathsep + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
        return env

    def batch(self, records):
        """The output lines for `records`, or (None, why) when the process failed them."""
        try:
            done = subprocess.run(self.command(), input=("\n".join(records) + "\n").encode("utf-8"),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.environment())
        except OSError as error:
            raise RuntimeError(f"cannot run {self.parallax}: {error}") from error
        # 0: all ran; 1: --check found a failing pair; 2: some records were bad (their lines say so).
        if done.returncode not in (0, 1, 2):
            why = f"status {done.returncode}" if done.returncode > 0 else f"signal {-done.returncode}"
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            return None, f"parallax batch failed on this record ({why}{': ' + detail[-1] if detail else ''})"
        lines = done.stdout.decode("utf-8").splitlines()
        if len(lines) != len(records):
            return None, f"parallax batch wrote {len(lines)} lines for {len(records)} records"
        return lines, None

    def __call__(self, lines):
        records = [line for line in lines if line.strip()]
        if not records:
            return
        out, _ = self.batch(records)
        if out is not None:
            yield from out
            return
        # Something in the partition killed the process: one record at a time, so that only
        # the poisoned one is lost.
        for record in records:
            out, why = self.batch([record])
            if out is not None:
                yield from out
            else:
                yield error_line(record, why)


def partitioned(lines, partitions):
    """The manifest lines in `partitions` contiguous partitions, in the manifest's order."""
    if not partitions:
        return lines
    total = max(lines.count(), 1)
    keyed = lines.zipWithIndex().map(lambda pair: (pair[1], pair[0]))
    return keyed.repartitionAndSortWithinPartitions(
        partitions, partitionFunc=lambda index: index * partitions // total).values()


_shipped = []


def run(spark_context, manifest, output, runner, partitions=None):
    """Compares the manifest's pairs; writes the lines to `output` (a folder of part files)."""
    if __name__ != "__main__" and spark_context not in _shipped:
        # Imported as a module (not run by spark-submit): the executors need it to unpickle Runner.
        spark_context.addPyFile(os.path.abspath(__file__))
        _shipped.append(spark_context)
    lines = partitioned(spark_context.textFile(manifest), partitions)
    lines.mapPartitions(runner).saveAsTextFile(output)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Compare a Parallax batch manifest's pairs on Spark.")
    parser.add_argument("manifest", help="JSON Lines manifest (any path Spark reads); records with aText/bText")
    parser.add_argument("output", help="folder to write the result lines to (must not exist)")
    parser.add_argument("--parallax", default="parallax",
                        help="the parallax binary on the workers: a name on PATH, an absolute path, or a path "
                             "relative to the task's folder (what --archives unpacks), e.g. parallax/bin/parallax")
    parser.add_argument("--library-path", help="folder of shared libraries (ICU) for the binary, relative like --parallax")
    parser.add_argument("--partitions", type=int, help="partitions (default: as Spark splits the manifest)")
    parser.add_argument("--jobs", type=int, default=1, help="pairs at once in each task (default 1; give spark.task.cpus)")
    parser.add_argument("--summary-only", action="store_true", help="reports without documents and alignments")
    parser.add_argument("--check", action="store_true", help="apply the policy: each line says passed")
    parser.add_argument("--master", help="Spark master (default: as spark-submit sets it)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession  # imported here so the module loads without Spark

    builder = SparkSession.builder.appName("parallax-batch")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    options = ["--jobs", str(args.jobs)] + (["--summary-only"] if args.summary_only else []) + (["--check"] if args.check else [])
    try:
        run(spark.sparkContext, args.manifest, args.output, Runner(args.parallax, args.library_path, options), args.partitions)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
