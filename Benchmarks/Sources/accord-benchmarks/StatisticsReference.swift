/// The Python side of the statistics benchmark: each reference timed on the same data, in its own process.
///
/// Every command prints one JSON object: the median seconds of the timed runs, or `skipped` with the reason
/// (a package missing). Loading the data is never timed: DuckDB's queries run on a table already in its
/// memory, as the cube's run on columns already in ours.
enum StatisticsReference {
    static let script = #"""
        import json, os, statistics, sys, time

        def timed(function, runs):
            function()  # warm-up, as on the Swift side
            samples = []
            for _ in range(runs):
                start = time.perf_counter()
                function()
                samples.append(time.perf_counter() - start)
            return statistics.median(samples)

        def columns(folder):
            import numpy as np
            names = {"ref_area": "u2", "migr_event": "u2", "citizenship": "u2", "sex": "u2", "age": "u2",
                     "period": "u2", "obs_value": "u4"}
            return {name: np.fromfile(os.path.join(folder, f"{name}.{'u16' if kind == 'u2' else 'u32'}"), dtype="<" + kind)
                    for name, kind in names.items()}

        def cube(folder, runs, event):
            import pandas as pd
            frame = pd.DataFrame(columns(folder))
            out = {"rows": len(frame)}
            # pandas: the same grouping, the year computed inside the timed work as the cube computes it.
            out["pandas_area_event_year"] = timed(
                lambda: frame.groupby([frame.ref_area, frame.migr_event, frame.period // 12]).obs_value.sum(), runs)
            out["pandas_event_area_citizenship_sex"] = timed(
                lambda: frame[frame.migr_event == event].groupby(["ref_area", "citizenship", "sex"]).obs_value.sum(), runs)
            try:
                import duckdb
            except ImportError as error:
                out["duckdb_skipped"] = str(error)
                return out
            connection = duckdb.connect()
            connection.register("frame", frame)
            connection.execute("CREATE TABLE cube AS SELECT * FROM frame")
            connection.unregister("frame")
            out["duckdb_threads"] = connection.execute("SELECT current_setting('threads')").fetchone()[0]
            out["duckdb_area_event_year"] = timed(lambda: connection.execute(
                "SELECT ref_area, migr_event, period // 12 AS year, sum(obs_value) FROM cube GROUP BY ALL").fetchall(), runs)
            out["duckdb_event_area_citizenship_sex"] = timed(lambda: connection.execute(
                f"SELECT ref_area, citizenship, sex, sum(obs_value) FROM cube WHERE migr_event = {event} GROUP BY ALL").fetchall(), runs)
            return out

        def sort(path, runs):
            import numpy as np
            keys = np.fromfile(path, dtype="<u8")
            return {"numpy_sort": timed(lambda: np.sort(keys), runs), "keys": len(keys)}

        def pysdmx_read(path, runs):
            from pysdmx.io import read_sdmx
            message = read_sdmx(path)
            rows = sum(len(dataset.data) for dataset in message.data)
            return {"pysdmx_read": timed(lambda: read_sdmx(path), runs), "rows": rows}

        def lxml_parse(path, runs):
            from lxml import etree
            return {"lxml_parse": timed(lambda: etree.parse(path), runs)}

        command, argument, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
        try:
            if command == "cube":
                result = cube(argument, runs, int(sys.argv[4]))
            elif command == "sort":
                result = sort(argument, runs)
            elif command == "pysdmx":
                result = pysdmx_read(argument, runs)
            else:
                result = lxml_parse(argument, runs)
        except ImportError as error:
            result = {"skipped": f"{error} (pip install it in the Python the benchmark uses)"}
        print(json.dumps(result))
        """#
}
