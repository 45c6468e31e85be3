"""`pmr-print serve`: a local web page and an HTTP API, a surface like the command line.

It turns a request into the same option objects the command line makes and calls
`pmr_print.api`; errors are the same messages, attached to the field they name. It imports no
product: everything it prints comes through the API.

    fields    a request's values to option objects, every bad field at once
    products  what each product takes and how it is made, through the API
    guard     127.0.0.1 only: Host and Origin checks, size limits, security headers
    page      the page (Jinja2, autoescaped) and its words in each language (text)
    app       the Starlette application: routes
    serve     the command: bind, print the URL, open the browser, stop on Ctrl-C
"""
