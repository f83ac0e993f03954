#!/usr/bin/env python3
"""The Spark job against `parallax batch` alone: Spark local[2], the same manifest in 1, 2 and 4
partitions, the same lines (in the manifest's order, so the same set); poisoned records give
error lines, not a failed job.

    test_parallax_spark.py PARALLAX_BINARY
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RESOURCES = os.path.join(ROOT, "Tests", "ParallaxKitTests", "Resources")
sys.path.insert(0, HERE)

import parallax_spark  # noqa: E402


def manifest_lines():
    """30 WMT21 documents and 20 news_synth pairs, inline; and records that must not sink the job."""
    with open(os.path.join(RESOURCES, "newstest2021.de-en.ref.A.en"), encoding="utf-8") as f:
        wmt_a = f.read().split("\n")
    with open(os.path.join(RESOURCES, "newstest2021.de-en.ref.B.en"), encoding="utf-8") as f:
        wmt_b = f.read().split("\n")
    with open(os.path.join(RESOURCES, "news_synth.json"), encoding="utf-8") as f:
        news = json.load(f)
    lines = []
    for k in range(30):
        lines.append(json.dumps({"id": f"wmt-{k}", "aText": "\n".join(wmt_a[k * 5:k * 5 + 5]) + "\n",
                                 "bText": "\n".join(wmt_b[k * 5:k * 5 + 5]) + "\n"}))
    for k, pair in enumerate(news[:20]):
        lines.append(json.dumps({"id": f"news-{k}", "aText": " ".join(pair["original"]) + "\n",
                                 "bText": " ".join(pair["rewrite"]) + "\n"}))
    poisoned = [
        '{"id": "cut-short", "aText": "The',                                        # not JSON
        json.dumps({"id": "nul", "aText": "A\u0000B text.", "bText": "Some text."}),  # binary text
        json.dumps({"id": "elsewhere", "a": "/nonexistent/a.txt", "b": "/nonexistent/b.txt"}),
        json.dumps({"id": 7, "aText": "x", "bText": "y"}),                          # id not a string
        # Kills the process (through the wrapper below): the partition is rerun record by record.
        json.dumps({"id": "poison", "aText": "POISON-CRASH The mayor spoke.", "bText": "The mayor spoke."}),
    ]
    for k, line in enumerate(poisoned):
        lines.insert(3 + k * 11, line)
    return lines


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="parallax-spark-")
    try:
        lines = manifest_lines()
        manifest = os.path.join(work, "manifest.jsonl")
        with open(manifest, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        # parallax batch alone.
        alone = subprocess.run([binary, "batch", manifest, "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        assert alone.returncode == 2, f"bad records make batch exit 2, not {alone.returncode}"
        expected = alone.stdout.decode("utf-8").splitlines()
        assert len(expected) == len(lines), f"{len(expected)} lines for {len(lines)} records"
        # Under Spark the binary is a wrapper that dies on the poisoned record.
        wrapper = os.path.join(work, "parallax-wrapper")
        with open(wrapper, "w", encoding="utf-8") as f:
            f.write('#!/bin/sh\ninput=$(cat)\ncase "$input" in *POISON-CRASH*) kill -SEGV $$ ;; esac\n'
                    f'printf "%s\\n" "$input" | exec "{binary}" "$@"\n')
        os.chmod(wrapper, os.stat(wrapper).st_mode | stat.S_IXUSR)
        poison = next(i for i, line in enumerate(lines) if "POISON-CRASH" in line)
        assert json.loads(expected[poison])["status"] == "ok"

        from pyspark.sql import SparkSession
        spark = SparkSession.builder.master("local[2]").appName("parallax-spark-test") \
            .config("spark.ui.enabled", "false") \
            .config("spark.ui.showConsoleProgress", "false").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        try:
            for partitions in (1, 2, 4):
                output = os.path.join(work, f"out-{partitions}")
                runner = parallax_spark.Runner(wrapper, options=["--jobs", "1"])
                parallax_spark.run(spark.sparkContext, "file://" + manifest, output, runner, partitions)
                parts = sorted(name for name in os.listdir(output) if name.startswith("part-"))
                assert len(parts) == partitions, f"{len(parts)} part files for {partitions} partitions"
                got = []
                for name in parts:
                    with open(os.path.join(output, name), encoding="utf-8") as f:
                        got += f.read().splitlines()
                assert len(got) == len(expected), f"{partitions} partitions: {len(got)} lines for {len(expected)}"
                crashed = json.loads(got[poison])
                assert crashed["id"] == "poison" and crashed["status"] == "error" and "signal 11" in crashed["error"], crashed
                rest_got = got[:poison] + got[poison + 1:]
                rest_expected = expected[:poison] + expected[poison + 1:]
                assert set(rest_got) == set(rest_expected), f"{partitions} partitions: the lines differ from batch alone"
                assert rest_got == rest_expected, f"{partitions} partitions: the lines are not in the manifest's order"
                errors = sum(json.loads(line)["status"] == "error" for line in got)
                assert errors == 5, f"{errors} error lines"
                print(f"spark local[2], {partitions} partition(s): {len(got)} lines, as parallax batch alone; "
                      f"{errors} error lines, the job did not fail")
        finally:
            spark.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
