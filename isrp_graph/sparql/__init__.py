"""Safety for user SPARQL: a cheap linear check before pyoxigraph sees a query (size, nesting,
federation), and a pool of killable worker processes that run public queries with a hard time limit."""
