<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context><name>Sync</name>
<message><source>正在读取同步状态……</source><translation>Reading the sync status…</translation></message>
</context>
<context><name>QueueStatus</name>
<message><source>正在统计……</source><translation>Counting…</translation></message>
</context>
</TS>
