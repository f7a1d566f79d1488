#!/usr/bin/python3
"""Reads an .xlsx workbook with openpyxl (an independent reader) and prints every
row as SHEET<TAB>cell<TAB>cell..., each cell typed: n:NUMBER, s:TEXT, d:YYYY-MM-DD
(a date cell), or empty.

Usage: xlsx_read.py FILE.xlsx
"""
import datetime
import sys

import openpyxl


def typed(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "b:" + str(value)
    if isinstance(value, datetime.datetime):
        return "d:" + value.date().isoformat()
    if isinstance(value, (int, float)):
        return "n:" + repr(value)
    return "s:" + str(value)


workbook = openpyxl.load_workbook(sys.argv[1])
for sheet in workbook.worksheets:
    for row in sheet.iter_rows(values_only=True):
        print("\t".join([sheet.title] + [typed(value) for value in row]))
