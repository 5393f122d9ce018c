package estimate

// Cheatsheet is a reference card of the numbers that make back-of-envelope
// estimates fast: orders of magnitude to round to, not measurements of any
// particular machine.
func Cheatsheet() string { return cheatsheet }

const cheatsheet = `Numbers worth knowing by heart
(orders of magnitude for mental math; measure your own hardware before you rely on them)

Powers of ten
  10^3    thousand      K   KB  kilobyte
  10^6    million       M   MB  megabyte
  10^9    billion       B   GB  gigabyte
  10^12   trillion      T   TB  terabyte
  10^15   quadrillion       PB  petabyte

Powers of two
  2^10    1 024                      ~ a thousand    KiB
  2^20    1 048 576                  ~ a million     MiB
  2^30    1 073 741 824              ~ a billion     GiB
  2^40    1 099 511 627 776          ~ a trillion    TiB
  2^32    4 294 967 296              every value of a 32-bit integer, every IPv4 address
  2^64    ~ 1.8 x 10^19              every value of a 64-bit integer
  62^7    ~ 3.5 x 10^12              7-character base62 codes

Time
  minute          60 s
  hour            3 600 s
  day             86 400 s        ~ 10^5 s
  month (30 d)    2 592 000 s     ~ 2.6 x 10^6 s
  year (365 d)    31 536 000 s    ~ 3.2 x 10^7 s
  1 M per day     ~ 12 /s
  100 M per day   ~ 1.2 K/s
  1 B per day     ~ 12 K/s

Latency
  CPU cache reference                      ~ 1 ns
  main memory reference                    ~ 100 ns
  read 1 MB sequentially from memory       ~ 10 us
  SSD random read                          ~ 100 us
  read 1 MB sequentially from SSD          ~ 1 ms
  round trip within a data centre          ~ 0.5 ms
  disk seek (spinning)                     ~ 10 ms
  round trip within a continent            ~ 30-50 ms
  round trip between continents            ~ 100-150 ms

Throughput of one well-sized node (rough, for simple operations)
  stateless application server   1 K - 10 K requests/s
  relational database            1 K - 10 K writes/s, ~10x that in indexed reads; a few TB per node
  Redis or Memcached             ~ 100 K operations/s at sub-millisecond latency; memory-bound, ~100 GB
  Cassandra or DynamoDB          ~ 10 K writes/s per node (DynamoDB: per partition ~1 K writes/s, 3 K reads/s)
  Kafka broker                   ~ 100 K - 1 M small messages/s, ~100 MB/s or more per broker
  Elasticsearch node             ~ 1 K - 10 K search queries/s, depending on the query
  blob store (S3-like)           unlimited size; ~3.5 K writes/s and 5.5 K reads/s per key prefix
  network card                   10 Gbit/s ~ 1.25 GB/s; 1 Gbit/s ~ 125 MB/s
`
