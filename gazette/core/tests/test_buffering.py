"""The shared event buffer: nothing counted in a request is lost, whatever the backend does."""

import os
import uuid
from collections import Counter

import pytest

from gazette.core import buffering
from gazette.core.buffering import EventBuffer, RedisHashBatches, SpoolFiles, read_lines


class Clock:
    """Stands in for the `time` module inside `buffering`, so buckets can pass at will."""

    def __init__(self, now: float):
        self.now = now

    def time(self) -> float:
        return self.now

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock(1_790_000_005.0)
    monkeypatch.setattr(buffering, "time", fake)
    return fake


def lines(paths):
    return sorted(line for path in paths for line in read_lines(path))


def test_a_spool_file_is_handed_over_once_its_bucket_is_over(tmp_path, clock):
    spool = SpoolFiles(tmp_path)
    spool.append(b"a\t1\n")
    assert spool.closed_files() == []  # still being written
    clock.now += 10
    spool.append(b"b\t1\n")  # next bucket, next file
    assert spool.closed_files() == []  # the first bucket has only just ended
    clock.now += 10
    assert lines(spool.closed_files()) == [["a", "1"]]
    assert lines(spool.all_files()) == [["a", "1"], ["b", "1"]]


def test_sealing_hands_over_every_file_of_this_buffer_and_no_other(tmp_path, clock):
    mine, other = SpoolFiles(tmp_path), SpoolFiles(tmp_path)
    mine.append(b"first\t1\n")
    clock.now += 10
    mine.append(b"second\t1\n")
    other.append(b"theirs\t1\n")
    mine.seal()
    assert lines(mine.closed_files()) == [["first", "1"], ["second", "1"]]
    mine.append(b"after\t1\n")  # writing goes on in a fresh file
    assert ["after", "1"] not in lines(mine.closed_files())
    assert ["theirs", "1"] not in lines(mine.closed_files())
    # Sealing the same bucket again names a new file: nothing sealed before is replaced.
    before = {p.name for p in mine.closed_files()}
    mine.seal()
    after = {p.name for p in mine.closed_files()}
    assert before < after and lines(mine.closed_files()) == [
        ["after", "1"],
        ["first", "1"],
        ["second", "1"],
    ]


def test_a_line_torn_by_a_crash_is_skipped(tmp_path):
    path = tmp_path / "000000000001-1-x.spool"
    path.write_bytes(b"whole\t1\nto")
    assert list(read_lines(path)) == [["whole", "1"]]


def test_an_unreachable_redis_sends_events_to_the_spool(tmp_path):
    sent = []
    buffer = EventBuffer(
        tmp_path,
        "redis://127.0.0.1:8159/0",  # nothing listens there
        to_line=lambda event: f"{event}\t1\n",
        send_to_redis=lambda buf, pipe, event: sent.append(event) or pipe.incr(event),
        name="test events",
    )
    buffer.add("one")
    buffer.flush()  # the pipeline fails: the events go to the spool, no error
    assert not buffer.redis_usable()
    buffer.add("two")  # Redis is left alone for a while: straight to the spool
    buffer.seal()
    assert lines(buffer.spool.closed_files()) == [["one", "1"], ["two", "1"]]
    assert sent == ["one"]


def redis_url() -> str:
    import redis

    url = f"redis://127.0.0.1:6379/{int(os.environ.get('GAZETTE_TEST_REDIS_BASE', '10'))}"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("Redis does not answer at 127.0.0.1:6379; start it to run this test.")
    return url


@pytest.mark.redis
def test_redis_counts_are_drained_in_named_batches_and_none_is_lost(tmp_path):
    key = f"test:buffering:{uuid.uuid4().hex}"
    buffer = EventBuffer(
        tmp_path,
        redis_url(),
        to_line=lambda event: f"{event}\t1\n",
        send_to_redis=lambda buf, pipe, event: pipe.hincrby(key, event, 1),
        name="test events",
    )
    batches = RedisHashBatches(buffer.client, key)
    try:
        for event in ("seen", "seen", "click"):
            buffer.add(event)
        buffer.flush()
        first = batches.drain()
        buffer.add("seen")  # counting goes on while the batch is applied
        buffer.flush()
        assert [counts for _name, counts in first] == [Counter({"seen": 2, "click": 1})]
        # A drain that crashed before `done` leaves its batch: the next drain reads it again.
        again = batches.drain()
        assert sum((counts for _name, counts in again), Counter()) == Counter(
            {"seen": 3, "click": 1}
        )
        for name, _counts in again:
            batches.done(name)
        assert batches.pending() == Counter()
        assert list((tmp_path / "spool").glob("*.spool")) == []  # nothing fell back
    finally:
        for stale in buffer.client.scan_iter(f"{key}*"):
            buffer.client.delete(stale)
