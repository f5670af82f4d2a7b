echo this line would run first
unit add js "Jiangsu" kind=locality level=provinc
